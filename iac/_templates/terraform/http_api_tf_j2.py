from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'http_api.tf.j2'

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
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_apigatewayv2_api" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  name\x00= '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n  protocol_type\x00= "HTTP"\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'):
        pass
        yield '\n  cors_configuration {\n    allow_origins\x00= '
        yield str(t_1(context, environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'), 'origins')))
        yield '\n    allow_methods\x00= '
        yield str(t_1(context, environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'), 'methods')))
        yield '\n    allow_headers\x00= '
        yield str(t_1(context, environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'), 'headers')))
        yield '\n'
        if (not t_2(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'), 'max_age'))):
            pass
            yield '    max_age\x00= '
            yield str(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'), 'max_age'))
            yield '\n'
        yield '  }\n'
    yield '}\n'

blocks = {}
debug_info = '1=26&2=28&3=30&5=32&8=35&9=37&10=39&11=41&12=44'
