from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'secret.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_comment = resolve('comment')
    l_0_name = resolve('name')
    l_0_p = resolve('p')
    try:
        t_1 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_secretsmanager_secret" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  name\x00= '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n  description\x00= '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'description')))
    yield '\n}\n\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'value'):
        pass
        yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
        yield ': its value, from a secret param\nresource "aws_secretsmanager_secret_version" "'
        yield str((undefined(name='name') if l_0_name is missing else l_0_name))
        yield '" {\n  secret_id\x00= aws_secretsmanager_secret.'
        yield str((undefined(name='name') if l_0_name is missing else l_0_name))
        yield '.id\n  secret_string\x00= '
        yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'value')))
        yield '\n}\n'
    else:
        pass
        yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
        yield ': its generated value, ephemeral: never in the plan or the state\nephemeral "aws_secretsmanager_random_password" "'
        yield str((undefined(name='name') if l_0_name is missing else l_0_name))
        yield '" {\n  password_length\x00= 32\n  exclude_punctuation\x00= true\n}\n\n'
        yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
        yield ': the first value, write-only; rotate or set it later without Terraform undoing it\nresource "aws_secretsmanager_secret_version" "'
        yield str((undefined(name='name') if l_0_name is missing else l_0_name))
        yield '" {\n  secret_id\x00= aws_secretsmanager_secret.'
        yield str((undefined(name='name') if l_0_name is missing else l_0_name))
        yield '.id\n  secret_string_wo\x00= ephemeral.aws_secretsmanager_random_password.'
        yield str((undefined(name='name') if l_0_name is missing else l_0_name))
        yield '.random_password\n  # Written once: Terraform sends a new value only when this number changes.\n  secret_string_wo_version\x00= 1\n}\n'

blocks = {}
debug_info = '1=20&2=22&3=24&4=26&7=28&8=30&9=32&10=34&11=36&14=40&15=42&20=44&21=46&22=48&23=50'
