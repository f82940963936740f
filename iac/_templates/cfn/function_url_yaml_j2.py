from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'function_url.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    pass
    yield '    Type: AWS::Lambda::Url\n    Properties:\n      TargetFunctionArn: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'function')))
    yield '\n      AuthType: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'auth'))
    yield '\n'

blocks = {}
debug_info = '3=19&4=21'
