from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'event_invoke_config.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_comment = resolve('comment')
    l_0_name = resolve('name')
    l_0_p = resolve('p')
    l_0_node = resolve('node')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_3 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_lambda_function_event_invoke_config" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  function_name\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'function')))
    yield '\n  qualifier\x00= "$LATEST"\n  maximum_retry_attempts\x00= '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retries'))
    yield '\n  maximum_event_age_in_seconds\x00= '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_age'))
    yield '\n'
    if (environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_success') or environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_failure')):
        pass
        yield '\n  destination_config {\n'
        if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_success'):
            pass
            yield '    on_success {\n      destination\x00= '
            yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_success'), 6))
            yield '\n    }\n'
        if (environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_success') and environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_failure')):
            pass
            yield '\n'
        if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_failure'):
            pass
            yield '    on_failure {\n      destination\x00= '
            yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_failure'), 6))
            yield '\n    }\n'
        yield '  }\n'
    if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'depends_on'):
        pass
        yield '\n  depends_on\x00= ['
        yield str(t_1(context.eval_ctx, t_2(context, environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'depends_on'), 'dependency'), ', '))
        yield ']\n'
    yield '}\n'

blocks = {}
debug_info = '1=33&2=35&3=37&5=39&6=41&7=43&10=46&12=49&15=51&18=54&20=57&25=60&27=63'
